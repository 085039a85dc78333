class ReplaceParser
{
    public int Port(string reply)
    {
        string cleaned = reply.Replace("(", " ").Replace(")", " ").Trim();
        string[] words = cleaned.Split(' ');
        string[] numbers = words[words.Length - 1].Split(',');
        return {|FTP0006:int.Parse(numbers[4]) * 256 + int.Parse(numbers[5])|};
    }
}
