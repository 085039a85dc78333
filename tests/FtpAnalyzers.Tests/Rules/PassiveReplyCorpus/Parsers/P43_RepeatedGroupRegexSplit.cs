// A regex that matches a run of numbers separated by '|' or ',', then a Split on both.
using System;
using System.Text.RegularExpressions;

class RepeatedGroupParser
{
    public int DataPort(string response)
    {
        if (!response.StartsWith("227"))
            throw new InvalidOperationException(response);
        string numbers = Regex.Match(response, @"([0-9]{1,3}(,|\|)){1,}[0-9]{1,3}").Value;
        string[] fields = numbers.Split('|', ',');
        return {|FTP0006:int.Parse(fields[4]) * 256 + int.Parse(fields[5])|};
    }
}
