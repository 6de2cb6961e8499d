using System.Numerics;
using EnergyAuction.Chain.Hex;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.Contracts;
using DA = EnergyAuction.Chain.Generated.DataAccess.ContractDefinition;
using ET = EnergyAuction.Chain.Generated.EnergyTrade.ContractDefinition;
using RD = EnergyAuction.Chain.Generated.EnergyTradeReader.ContractDefinition;

namespace EnergyAuction.Chain.Tests;

/// <summary>The word-by-word decoders read what Nethereum's ABI decoder reads from the same answer, and refuse (null,
/// so Nethereum decodes or says why) an answer of another shape.</summary>
public class WordDecoderTests
{
    private static readonly string Market = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

    private static ET.OrderView View(int i) => new()
    {
        WindowId = 3 + i, Owner = $"0x{i + 1:x40}", MeterId = MeterId.ToBytes32($"M-{i}"), Side = (byte)(i % 2), EnergyWh = 1_000UL + (ulong)i,
        Price = BigInteger.Pow(10, 11) + i, Status = (byte)(i % 8), MatchedWh = (ulong)i * 7, Deposit = BigInteger.Pow(2, 200) + i,
    };

    /// <summary>The same order as the reader's generated type (the reader returns EnergyTrade's OrderView).</summary>
    private static RD.OrderView ReaderView(int i)
    {
        var v = View(i);
        return new()
        {
            WindowId = v.WindowId, Owner = v.Owner, MeterId = v.MeterId, Side = v.Side, EnergyWh = v.EnergyWh, Price = v.Price,
            Status = v.Status, MatchedWh = v.MatchedWh, Deposit = v.Deposit,
        };
    }

    private static string Encode<T>(T outputs) => HexConvert.ToHex(new ParametersEncoder().EncodeParametersFromTypeAttributes(typeof(T), outputs!));

    private static RD.MeterEntry Entry(int i) => new() { Owner = $"0x{i + 0xa1:x40}", Bus = (uint)(i * 3 + 1) };

    private static string Page(int count) => Encode(new RD.WindowOrdersOutputDTO
    {
        Page = [.. Enumerable.Range(0, count).Select(ReaderView)],
        Meters = [.. Enumerable.Range(0, count).Select(Entry)],
    });

    [Test]
    public void A_reader_windowOrders_page_decodes_to_the_orders_and_meters_it_encodes()
    {
        var expected = Enumerable.Range(0, 5).Select(i => GeneratedMapping.ToInfo(View(i))).ToList();

        var page = WindowOrdersWords.Decode(Page(5));

        Assert.That(page, Has.Count.EqualTo(5));
        foreach (var ((read, meter), (nethereum, i)) in page!.Zip(expected.Select((e, i) => (e, i))))
        {
            Assert.That(read with { MeterId = nethereum.MeterId }, Is.EqualTo(nethereum));
            Assert.That(read.MeterId, Is.EqualTo(nethereum.MeterId));
            Assert.That(meter, Is.EqualTo(new MeterInfo(Crypto.ChainAddress.ToChecksum(Entry(i).Owner), Entry(i).Bus)), $"order {i}'s meter");
        }
        Assert.That(WindowOrdersWords.Decode(Page(0)), Is.Empty, "an empty page");
    }

    [Test]
    public void An_order_answer_decodes_as_Nethereum_decodes_it()
    {
        var hex = Encode(new ET.OrderOutputDTO { V = View(4) });
        var expected = GeneratedMapping.ToInfo(new FunctionBuilder<ET.OrderFunction>(Market).DecodeDTOTypeOutput<ET.OrderOutputDTO>(hex).V);

        var read = OrderViewWords.Decode(hex)!;

        Assert.That(read with { MeterId = expected.MeterId }, Is.EqualTo(expected));
        Assert.That(read.Meter, Is.EqualTo("M-4"));
    }

    [Test]
    public void A_windowMatches_page_and_a_meterOf_answer_decode_as_Nethereum_decodes_them()
    {
        var matches = Enumerable.Range(0, 4).Select(i => new ET.Match { OfferId = (ulong)i + 1, BidId = (ulong)i + 10, EnergyWh = 500UL * (ulong)i, DistanceM = (uint)i * 33 }).ToList();
        var hex = Encode(new ET.WindowMatchesOutputDTO { Page = matches });
        Assert.That(MatchWords.DecodePage(hex), Is.EqualTo(matches.Select(GeneratedMapping.FromGenerated)));

        var meter = Encode(new DA.MeterOfOutputDTO { Owner = "0x00000000000000000000000000000000000000a1", Bus = 34 });
        Assert.That(MeterOfWords.Decode(meter), Is.EqualTo(new MeterInfo(Crypto.ChainAddress.ToChecksum("0x00000000000000000000000000000000000000a1"), 34)));
    }

    [Test]
    public void An_answer_of_another_shape_is_left_to_Nethereum()
    {
        var page = Page(2);
        Assert.That(WindowOrdersWords.Decode(page[..^64]), Is.Null, "a page cut short");
        Assert.That(WindowOrdersWords.Decode("0x"), Is.Null, "no answer");
        Assert.That(WindowOrdersWords.Decode(Encode(new RD.WindowOrdersOutputDTO { Page = [ReaderView(0), ReaderView(1)], Meters = [Entry(0)] })),
            Is.Null, "an order without its meter");
        Assert.That(OrderViewWords.Decode(page), Is.Null, "a page is not one order");
        Assert.That(MeterOfWords.Decode("0x" + new string('0', 62)), Is.Null, "one word short of a meter");
    }

    [Test]
    public void The_generated_Match_and_meterOf_outputs_have_layouts_the_fast_decoders_read()
    {
        Assert.That(MatchWords.Applies, "Match");
        Assert.That(MeterOfWords.Applies, "meterOf's outputs");
        Assert.That(MeterOfWords.EntryApplies, "the reader's MeterEntry");
        Assert.That(OrderViewWords.Applies, "OrderView");
    }
}
