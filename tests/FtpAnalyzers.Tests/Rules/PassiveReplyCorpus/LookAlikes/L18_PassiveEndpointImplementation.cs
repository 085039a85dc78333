// A parser inside Ftp.PassiveEndpoint itself is the one everyone should call: never flagged.
namespace Ftp
{
    public readonly struct PassiveEndpoint
    {
        public PassiveEndpoint(int port) => Port = port;

        public int Port { get; }

        public static PassiveEndpoint Parse(string text)
        {
            var numbers = new int[6];
            int count = 0, value = -1;
            foreach (char c in text)
            {
                if (char.IsDigit(c))
                    value = (value < 0 ? 0 : value * 10) + (c - '0');
                else if (c == ',' && value >= 0 && count < 5)
                {
                    numbers[count++] = value;
                    value = -1;
                }
            }
            numbers[5] = value;
            return new PassiveEndpoint(numbers[4] * 256 + numbers[5]);
        }
    }
}
