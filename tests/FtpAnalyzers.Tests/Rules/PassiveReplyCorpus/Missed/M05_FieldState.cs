// Known miss: the parts kept in a field by one method and combined by another.
class StatefulParser
{
    private string[] _parts = new string[0];

    public void OnReply(string reply) => _parts = reply.Split('(', ')')[1].Split(',');

    public int DataPort => int.Parse(_parts[4]) * 256 + int.Parse(_parts[5]);
}
