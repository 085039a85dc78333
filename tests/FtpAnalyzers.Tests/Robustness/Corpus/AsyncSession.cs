using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Ftp;

namespace Corpus.Async;

public static class AsyncSession
{
    public static async Task<long> DownloadAllAsync(string host, string user, string password, string[] paths, CancellationToken cancellationToken)
    {
        await using var connection = await FtpConnection.ConnectAsync(host, cancellationToken: cancellationToken);
        await connection.LoginAsync(user, password, cancellationToken);
        long total = 0;
        foreach (var path in paths)
        {
            using var buffer = new MemoryStream();
            var reply = await connection.DownloadAsync(path, buffer, cancellationToken);
            total += reply.IsPositiveCompletion ? buffer.Length : 0;
        }
        await connection.QuitAsync(cancellationToken);
        return total;
    }

    public static async Task RotateAsync(FtpConnection connection, string name, int keep)
    {
        for (var generation = keep - 1; generation > 0; generation--)
        {
            var from = generation == 1 ? name : $"{name}.{generation - 1}";
            var exists = await connection.SizeAsync(from);
            switch (exists.Code)
            {
                case 213:
                    await connection.RnfrAsync(from);
                    await connection.RntoAsync($"{name}.{generation}");
                    break;
                case 550:
                    continue;
                default:
                    throw new FtpException("unexpected reply " + exists.Code);
            }
        }
    }

    public static async Task<string[]> ProbeAsync(string host)
    {
        using var connection = FtpConnection.Connect(host);
        connection.Login("anonymous", "guest@example.org");
        Func<Task<FtpReply>> feat = () => connection.FeatAsync();
        var replies = await Task.WhenAll(feat(), connection.SystAsync());
        var local = LocalHelper(connection);
        return replies.Select(reply => reply.Message).Append(local).ToArray();

        static string LocalHelper(FtpConnection c)
        {
            var pwd = c.Pwd();
            return pwd.Message;
        }
    }

    public static async Task UploadWithRetryAsync(FtpConnection connection, string path, byte[] content)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await connection.EpsvAsync();
                using var source = new MemoryStream(content);
                await connection.StorAsync(path, source);
                return;
            }
            catch (FtpProtocolException) when (attempt < 3)
            {
                await Task.Delay(100 * attempt);
            }
        }
    }
}
