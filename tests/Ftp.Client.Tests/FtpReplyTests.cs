using System;

namespace Ftp.Client.Tests;

public class FtpReplyTests
{
    [Fact]
    public void Single_line_reply_exposes_code_message_and_category()
    {
        var reply = new FtpReply(227, new[] { "227 Entering Passive Mode (127,0,0,1,238,76)." });

        Assert.Equal(227, reply.Code);
        Assert.Equal("Entering Passive Mode (127,0,0,1,238,76).", reply.Message);
        Assert.True(reply.IsPositiveCompletion);
        Assert.False(reply.IsPreliminary || reply.IsPositiveIntermediate || reply.IsTransientNegative || reply.IsPermanentNegative);
        Assert.Equal("227 Entering Passive Mode (127,0,0,1,238,76).", reply.ToString());
    }

    [Fact]
    public void Multi_line_reply_message_is_the_last_line_text_and_ToString_is_the_reply_as_received()
    {
        var reply = new FtpReply(211, new[] { "211-Features:", " EPSV", " MDTM", "211 End" });

        Assert.Equal("End", reply.Message);
        Assert.Equal(4, reply.Lines.Count);
        Assert.Equal("211-Features:\r\n EPSV\r\n MDTM\r\n211 End", reply.ToString());
    }

    [Theory]
    [InlineData(150, true, false, false, false, false)]
    [InlineData(331, false, false, true, false, false)]
    [InlineData(425, false, false, false, true, false)]
    [InlineData(503, false, false, false, false, true)]
    public void Categories_follow_the_first_digit(int code, bool preliminary, bool completion, bool intermediate, bool transient, bool permanent)
    {
        var reply = new FtpReply(code, new[] { code + " text" });

        Assert.Equal(preliminary, reply.IsPreliminary);
        Assert.Equal(completion, reply.IsPositiveCompletion);
        Assert.Equal(intermediate, reply.IsPositiveIntermediate);
        Assert.Equal(transient, reply.IsTransientNegative);
        Assert.Equal(permanent, reply.IsPermanentNegative);
    }

    [Fact]
    public void A_bare_code_has_an_empty_message() => Assert.Equal("", new FtpReply(226, new[] { "226" }).Message);

    [Theory]
    [InlineData(99)]
    [InlineData(600)]
    [InlineData(-1)]
    public void Codes_outside_100_to_599_are_rejected(int code)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new FtpReply(code, new[] { code + " x" }));

    [Fact]
    public void Lines_must_be_present_carry_the_code_and_have_no_line_ends()
    {
        Assert.Throws<ArgumentNullException>(() => new FtpReply(200, null!));
        Assert.Throws<ArgumentException>(() => new FtpReply(200, Array.Empty<string>()));
        Assert.Throws<ArgumentException>(() => new FtpReply(200, new[] { "201 other code" }));
        Assert.Throws<ArgumentException>(() => new FtpReply(200, new[] { "200-start", "end without code" }));
        Assert.Throws<ArgumentException>(() => new FtpReply(200, new[] { "200 ok\r\n500 injected" }));
        Assert.Throws<ArgumentException>(() => new FtpReply(200, new[] { "200-a", null!, "200 b" }));
    }

    [Fact]
    public void Lines_are_copied_so_the_reply_cannot_change_afterwards()
    {
        var lines = new[] { "200 ok" };
        var reply = new FtpReply(200, lines);
        lines[0] = "500 changed";

        Assert.Equal("200 ok", reply.ToString());
    }
}
