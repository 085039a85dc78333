using System;

class Passive
{
    public static int Port(string response)
    {
        var pieces = response.Split(new[] { '(', ')' });
        var numbers = pieces[1].Split(',');
        int p1 = Convert.ToInt32(numbers[4]);
        int p2 = Convert.ToInt32(numbers[5]);
        return {|FTP0006:p1 * 256 + p2|};
    }
}
