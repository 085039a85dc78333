// A reply loop that switches on the code.
using System;
using System.IO;

class ReplyLoop
{
    public int Run(TextReader reader)
    {
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            int code = int.Parse(line.Substring(0, 3));
            switch (code)
            {
                case 227:
                    string[] v = line.Substring(line.IndexOf(' ', 4) + 1).TrimEnd('.').Split(',');
                    return {|FTP0006:int.Parse(v[v.Length - 2]) * 256 + int.Parse(v[v.Length - 1])|};
                case 421:
                    throw new IOException(line);
            }
        }
        return -1;
    }
}
