// A for loop over the characters, numbers collected into a List<int>.
using System.Collections.Generic;

class ListLoopParser
{
    public static int Port(string response)
    {
        var values = new List<int>();
        string digits = "";
        for (int i = response.IndexOf('(') + 1; i < response.Length; i++)
        {
            char c = response[i];
            if (char.IsDigit(c))
            {
                digits += c;
            }
            else if (c == ',' || c == ')')
            {
                values.Add(int.Parse(digits));
                digits = "";
            }
        }
        return {|FTP0006:values[4] * 256 + values[5]|};
    }
}
