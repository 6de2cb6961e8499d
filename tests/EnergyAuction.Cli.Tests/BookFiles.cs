namespace EnergyAuction.Cli.Tests;

/// <summary>Order-book files for `market clear`, written to the tests' scratch folder.</summary>
public static class BookFiles
{
    /// <summary>MARKET.md's test vector in the file format of MARKET.md.</summary>
    public const string ThesisVector = """
        {"mechanism": "dpda",
         "offers": [{"id": "3", "energy": 30000, "price": 20000, "seq": 1}, {"id": "24", "energy": 25000, "price": 10000, "seq": 2},
                    {"id": "11", "energy": 18000, "price": 16000, "seq": 3}, {"id": "20", "energy": 40000, "price": 5000, "seq": 4},
                    {"id": "13", "energy": 50000, "price": 16000, "seq": 5}, {"id": "6", "energy": 21000, "price": 25000, "seq": 6},
                    {"id": "45", "energy": 14000, "price": 7000, "seq": 7}, {"id": "4", "energy": 70000, "price": 2000, "seq": 8}],
         "bids":   [{"id": "16", "energy": 20000, "price": 17000, "seq": 1}, {"id": "39", "energy": 16000, "price": 28000, "seq": 2},
                    {"id": "10", "energy": 50000, "price": 6000, "seq": 3}, {"id": "9", "energy": 70000, "price": 30000, "seq": 4},
                    {"id": "5", "energy": 24000, "price": 8000, "seq": 5}, {"id": "8", "energy": 19000, "price": 15000, "seq": 6},
                    {"id": "12", "energy": 60000, "price": 23000, "seq": 7}]}
        """;

    public static string Write(string json)
    {
        var path = ScratchFolder.NewFile("book", "json");
        File.WriteAllText(path, json);
        return path;
    }
}
