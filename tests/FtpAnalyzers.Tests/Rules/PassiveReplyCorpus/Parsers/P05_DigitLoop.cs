// A char loop collecting the numbers between commas into an array.
using System.Net;

class LoopParser
{
    public static IPEndPoint Parse(string reply)
    {
        int[] nums = new int[6];
        int index = 0;
        int current = 0;
        bool inNumbers = false;
        foreach (char c in reply)
        {
            if (c >= '0' && c <= '9' && (inNumbers || c != '2'))
            {
                inNumbers = true;
                current = current * 10 + (c - '0');
            }
            else if (c == ',' && index < 5)
            {
                nums[index++] = current;
                current = 0;
            }
        }
        nums[5] = current;
        var address = new IPAddress(new byte[] { (byte)nums[0], (byte)nums[1], (byte)nums[2], (byte)nums[3] });
        return new IPEndPoint({|FTP0007:address|}, {|FTP0006:nums[4] * 256 + nums[5]|});
    }
}
