// A big-endian 16-bit length read from a stream: (b0 << 8) | b1 over bytes, not parsed text.
using System.IO;

static class Frames
{
    public static int ReadLength(Stream stream)
    {
        var header = new byte[2];
        stream.Read(header, 0, 2);
        return (header[0] << 8) | header[1];
    }
}
