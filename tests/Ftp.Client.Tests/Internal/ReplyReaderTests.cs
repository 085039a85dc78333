using System;
using System.Collections.Generic;
using System.Text;
using Ftp.Internal;

namespace Ftp.Client.Tests.Internal;

public class ReplyReaderTests
{
    [Fact]
    public void Single_line_replies_are_read_one_by_one()
    {
        List<FtpReply> replies = Read("220 (vsFTPd 3.0.3)\r\n331 Please specify the password.\r\n");

        Assert.Collection(
            replies,
            r => Assert.Equal((220, "(vsFTPd 3.0.3)"), (r.Code, r.Message)),
            r => Assert.Equal((331, "Please specify the password."), (r.Code, r.Message)));
    }

    [Fact]
    public void Pure_ftpd_greeting_whose_first_line_is_dashes_is_one_reply()
    {
        const string greeting =
            "220---------- Welcome to Pure-FTPd [privsep] ----------\r\n" +
            "220-You are user number 1 of 50 allowed.\r\n" +
            "220-Local time is now 19:03. Server port: 2123.\r\n" +
            "220-This is a private system - No anonymous login\r\n" +
            "220 You will be disconnected after 15 minutes of inactivity.\r\n";

        FtpReply reply = Assert.Single(Read(greeting));

        Assert.Equal(220, reply.Code);
        Assert.Equal(5, reply.Lines.Count);
        Assert.Equal("You will be disconnected after 15 minutes of inactivity.", reply.Message);
        Assert.Equal(greeting.TrimEnd('\r', '\n'), reply.ToString());
    }

    [Fact]
    public void Inetutils_eight_line_230_is_one_reply()
    {
        const string login =
            "230- Linux ftp 6.1.0-18-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 x86_64\r\n" +
            "230- \r\n" +
            "230- The programs included with the Debian GNU/Linux system are free software;\r\n" +
            "230- the exact distribution terms for each program are described in the\r\n" +
            "230- individual files in /usr/share/doc/*/copyright.\r\n" +
            "230- \r\n" +
            "230- Debian GNU/Linux comes with ABSOLUTELY NO WARRANTY, to the extent\r\n" +
            "230 User ftptest logged in.\r\n" +
            "257 \"/tmp\" is current directory.\r\n";

        List<FtpReply> replies = Read(login);

        Assert.Equal(2, replies.Count);
        Assert.Equal(8, replies[0].Lines.Count);
        Assert.Equal("User ftptest logged in.", replies[0].Message);
        Assert.Equal(257, replies[1].Code);
    }

    [Fact]
    public void Lines_inside_a_multi_line_reply_may_start_with_digits_or_another_code()
    {
        FtpReply reply = Assert.Single(Read("211-Status\r\n226 not the end\r\n211-still inside\r\n 123 indented\r\n211 End of status\r\n"));

        Assert.Equal(211, reply.Code);
        Assert.Equal(5, reply.Lines.Count);
    }

    [Fact]
    public void Bare_line_feeds_and_a_bare_code_are_accepted()
    {
        List<FtpReply> replies = Read("226\n150-a\n150\n");

        Assert.Equal(new[] { 226, 150 }, replies.ConvertAll(r => r.Code));
        Assert.Equal("", replies[0].Message);
    }

    [Fact]
    public void A_reply_split_into_single_bytes_reads_the_same()
    {
        const string text = "150-Opening\r\n150 BINARY mode data connection.\r\n226 Transfer complete.\r\n";

        List<FtpReply> replies = Read(text, chunk: 1);

        Assert.Equal(new[] { 150, 226 }, replies.ConvertAll(r => r.Code));
        Assert.Equal(2, replies[0].Lines.Count);
    }

    [Fact]
    public void Non_ascii_text_is_decoded_with_the_connection_encoding()
        => Assert.Equal("\"/tmp/été\" created", Assert.Single(Read("257 \"/tmp/été\" created\r\n")).Message);

    [Theory]
    [InlineData("hello\r\n")]
    [InlineData("2x0 ok\r\n")]
    [InlineData("620 out of range\r\n")]
    [InlineData("099 out of range\r\n")]
    [InlineData("22\r\n")]
    [InlineData("220_ok\r\n")]
    [InlineData("\r\n")]
    public void Lines_that_are_not_replies_are_protocol_errors(string text)
        => Assert.Throws<FtpProtocolException>(() => Read(text));

    [Fact]
    public void A_line_longer_than_the_limit_is_cut_off_before_its_end_arrives()
    {
        string text = "220 " + new string('a', ReplyReader.MaxLineLength * 2);

        Assert.Throws<FtpProtocolException>(() => Read(text));
    }

    [Fact]
    public void A_line_at_the_limit_is_accepted()
    {
        string line = "220 " + new string('a', ReplyReader.MaxLineLength - 4);

        Assert.Equal(line, Assert.Single(Read(line + "\r\n")).ToString());
    }

    [Fact]
    public void A_multi_line_reply_with_too_many_lines_is_cut_off()
    {
        var text = new StringBuilder("211-start\r\n");
        for (int i = 0; i <= ReplyReader.MaxLinesPerReply; i++)
        {
            text.Append(" line\r\n");
        }

        Assert.Throws<FtpProtocolException>(() => Read(text.ToString()));
    }

    [Fact]
    public void An_unfinished_reply_is_reported_as_inside_a_reply()
    {
        var reader = new ReplyReader(Encoding.UTF8);
        Feed(reader, "220-first\r\n22");

        Assert.True(reader.TryReadLine(out string line));
        Assert.Null(reader.Add(line));
        Assert.False(reader.TryReadLine(out _));
        Assert.True(reader.IsInsideReply);
    }

    private static List<FtpReply> Read(string text, int chunk = int.MaxValue)
    {
        var reader = new ReplyReader(Encoding.UTF8);
        var replies = new List<FtpReply>();
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        int offset = 0;
        while (offset < bytes.Length)
        {
            ArraySegment<byte> free = reader.FreeSpace();
            int count = Math.Min(Math.Min(free.Count, chunk), bytes.Length - offset);
            Buffer.BlockCopy(bytes, offset, free.Array!, free.Offset, count);
            reader.Commit(count);
            offset += count;
            while (reader.TryReadLine(out string line))
            {
                if (reader.Add(line) is { } reply)
                {
                    replies.Add(reply);
                }
            }
        }

        return replies;
    }

    private static void Feed(ReplyReader reader, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        ArraySegment<byte> free = reader.FreeSpace();
        Buffer.BlockCopy(bytes, 0, free.Array!, free.Offset, bytes.Length);
        reader.Commit(bytes.Length);
    }
}
