using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Ftp.Client.Tests.Fakes;

/// <summary>A destination that cancels its token once more than <c>after</c> bytes were written: a user pressing Cancel mid-download.</summary>
internal sealed class CancellingStream : MemoryStream
{
    private readonly CancellationTokenSource _cancel;
    private readonly long _after;

    public CancellingStream(CancellationTokenSource cancel, long after)
    {
        _cancel = cancel;
        _after = after;
    }

    public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        await base.WriteAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
        if (Length > _after)
        {
            _cancel.Cancel();
        }
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        base.Write(buffer, offset, count);
        if (Length > _after)
        {
            _cancel.Cancel();
        }
    }
}
