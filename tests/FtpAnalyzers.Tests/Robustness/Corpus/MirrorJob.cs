using System;
using System.Collections.Generic;
using System.IO;
using Ftp;

namespace Corpus.Mirror;

/// <summary>Mirrors a remote folder: correct sequences through loops, branches and try/finally.</summary>
public sealed class MirrorJob : IDisposable
{
    private readonly FtpConnection _connection;
    private readonly string _localRoot;

    public MirrorJob(string host, int port, string user, string password, string localRoot)
    {
        _connection = FtpConnection.Connect(host, port, new FtpConnectionOptions { ReadTimeout = TimeSpan.FromSeconds(10) });
        _localRoot = localRoot;
        var reply = _connection.User(user);
        if (reply.Code == 331)
            _connection.Pass(password);
        _connection.Type(FtpDataType.Binary);
    }

    public IReadOnlyList<string> ListNames(string remoteFolder)
    {
        var listing = new MemoryStream();
        _connection.Epsv();
        _connection.Nlst(listing, remoteFolder);
        var text = System.Text.Encoding.UTF8.GetString(listing.ToArray());
        return text.Split(new[] { "\r\n", "\n" }, StringSplitOptions.RemoveEmptyEntries);
    }

    public int MirrorFolder(string remoteFolder)
    {
        var copied = 0;
        _connection.Cwd(remoteFolder);
        foreach (var name in ListNames("."))
        {
            var size = _connection.Size(name);
            if (!size.IsPositiveCompletion)
                continue;
            using var file = File.Create(Path.Combine(_localRoot, name));
            _connection.Pasv();
            var result = _connection.Retr(name, file);
            if (result.IsPositiveCompletion)
                copied++;
        }
        _connection.Cdup();
        return copied;
    }

    public void Publish(string localPath, string remoteName)
    {
        var temporary = remoteName + ".part";
        using (var source = File.OpenRead(localPath))
        {
            _connection.Epsv();
            _connection.Stor(temporary, source);
        }
        try
        {
            _connection.Rnfr(temporary);
            _connection.Rnto(remoteName);
        }
        finally
        {
            _connection.Noop();
        }
    }

    public void Resume(string remoteName, Stream destination, long offset)
    {
        _connection.Type(FtpDataType.Binary);
        _connection.Epsv();
        if (offset > 0)
            _connection.Rest(offset);
        _connection.Retr(remoteName, destination);
    }

    public string RawStatus()
    {
        var feat = _connection.SendCommand("FEAT");
        var reply = _connection.SendCommand("SITE CHMOD 644 public.txt");
        return feat.Message + reply.Message;
    }

    public void Dispose()
    {
        try
        {
            _connection.Quit();
        }
        finally
        {
            _connection.Dispose();
        }
    }
}
