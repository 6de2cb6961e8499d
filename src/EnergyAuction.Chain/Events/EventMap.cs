using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Hex;
using EnergyAuction.Chain.Rpc;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.ABI.Model;
using Nethereum.Contracts;
using DA = EnergyAuction.Chain.Generated.DataAccess.ContractDefinition;
using EOC = EnergyAuction.Chain.Generated.EnergyOracleClient.ContractDefinition;
using ET = EnergyAuction.Chain.Generated.EnergyTrade.ContractDefinition;
using OP = EnergyAuction.Chain.Generated.Operator.ContractDefinition;

namespace EnergyAuction.Chain.Events;

/// <summary>Which generated event DTO each of Chain's event records is read from, and how: the DTO decodes the log
/// (Nethereum), the record carries the market's own types (ids as ulong, enums, checksummed addresses).</summary>
internal static class EventMap
{
    private static readonly Dictionary<Type, Binding> Bindings = new();

    static EventMap()
    {
        Add<WindowOpenedEvent, ET.WindowOpenedEventDTO>(e => new(Id(e.WindowId), GeneratedMapping.ToParams(e.Params), e.BiddingDeadline));
        Add<PhaseChangedEvent, ET.PhaseChangedEventDTO>(e => new(Id(e.WindowId), (WindowPhase)e.Phase));
        Add<OfferSubmittedEvent, ET.OfferSubmittedEventDTO>(e => new(Id(e.WindowId), Id(e.OrderId), A(e.Owner), e.MeterId, e.EnergyWh, e.Price, e.Deposit));
        Add<BidSubmittedEvent, ET.BidSubmittedEventDTO>(e => new(Id(e.WindowId), Id(e.OrderId), A(e.Owner), e.MeterId, e.EnergyWh, e.Price, e.Deposit));
        Add<OfferValidatedEvent, ET.OfferValidatedEventDTO>(e => new(Id(e.OrderId), e.AvailableWh));
        Add<OfferRejectedEvent, ET.OfferRejectedEventDTO>(e => new(Id(e.OrderId), e.RequestedWh, e.AvailableWh, e.CommittedWh));
        Add<OrderCancelledEvent, ET.OrderCancelledEventDTO>(e => new(Id(e.WindowId), Id(e.OrderId), A(e.Owner)));
        Add<ClearingPostedEvent, ET.ClearingPostedEventDTO>(e => new(Id(e.WindowId), e.Price, Id(e.MatchesInBatch), Id(e.TotalMatches)));
        Add<ClearingFinalisedEvent, ET.ClearingFinalisedEventDTO>(e => new(Id(e.WindowId), e.Price, e.ResultHash, Id(e.MatchCount)));
        Add<SettlementReadingRequestedEvent, ET.SettlementReadingRequestedEventDTO>(e => new(Id(e.WindowId), Id(e.OrderId), e.RequestId, e.ExpiresAt));
        Add<ReadingUnavailableEvent, ET.ReadingUnavailableEventDTO>(e => new(Id(e.WindowId), Id(e.OrderId), e.MeterId));
        Add<ReadingNotRepeatedEvent, ET.ReadingNotRepeatedEventDTO>(e => new(Id(e.WindowId), Id(e.OrderId), (ReadingState)e.State));
        Add<ReadingReportedEvent, ET.ReadingReportedEventDTO>(e => new(Id(e.WindowId), Id(e.OrderId), e.MeterWh, e.ReadingWh));
        Add<MatchSettledEvent, ET.MatchSettledEventDTO>(e => new(Id(e.WindowId), Id(e.OfferId), Id(e.BidId), e.BuyerWh,
            e.SellerWh, e.TradedWh, e.FeeHalf, e.SellerPenalty, e.BuyerPenalty, e.BuyerMissing, e.SellerMissing));
        Add<WindowClosingEvent, ET.WindowClosingEventDTO>(e => new(Id(e.WindowId), Id(e.ReleasedOrders), Id(e.OrderCount)));
        Add<WindowClosedEvent, ET.WindowClosedEventDTO>(e => new(Id(e.WindowId)));
        Add<WindowCancelledEvent, ET.WindowCancelledEventDTO>(e => new(Id(e.WindowId), A(e.By)));
        Add<CreditedEvent, ET.CreditedEventDTO>(e => new(A(e.Account), e.Amount));
        Add<WithdrawnEvent, ET.WithdrawnEventDTO>(e => new(A(e.Account), A(e.To), e.Amount));
        Add<OracleClientSetEvent, ET.OracleClientSetEventDTO>(e => new(A(e.OracleClient)));
        Add<RoleGrantedEvent, ET.RoleGrantedEventDTO>(e => new(e.Role, A(e.Account), A(e.Sender)));
        Add<RoleRevokedEvent, ET.RoleRevokedEventDTO>(e => new(e.Role, A(e.Account), A(e.Sender)));

        Add<MeterRegisteredEvent, DA.MeterRegisteredEventDTO>(e => new(e.MeterId, A(e.Owner), e.Bus));
        Add<AccessGrantedEvent, DA.AccessGrantedEventDTO>(e => new(e.MeterId, A(e.Requester)));
        Add<AccessRevokedEvent, DA.AccessRevokedEventDTO>(e => new(e.MeterId, A(e.Requester)));

        Add<ReadingRequestedEvent, EOC.ReadingRequestedEventDTO>(e => new(e.RequestId, Id(e.OrderId), e.MeterId, (ReadingKind)e.Kind, e.Url));
        Add<ReadingFulfilledEvent, EOC.ReadingFulfilledEventDTO>(e => new(e.RequestId, e.Value));
        Add<ReadingsRequestedEvent, EOC.ReadingsRequestedEventDTO>(e => new(e.RequestId, [.. e.OrderIds.Select(Id)], [.. e.MeterIds], e.Url));
        Add<ReadingsFulfilledEvent, EOC.ReadingsFulfilledEventDTO>(e => new(e.RequestId, e.Read));
        Add<ReadingMissingEvent, EOC.ReadingMissingEventDTO>(e => new(e.RequestId, Id(e.OrderId)));
        Add<ReadingsRejectedEvent, EOC.ReadingsRejectedEventDTO>(e => new(e.RequestId));
        Add<OracleConfiguredEvent, EOC.OracleConfiguredEventDTO>(e => new(A(e.Operator), e.JobId, e.Fee, e.HemsBaseUrl));
        Add<EnergyTradeSetEvent, EOC.EnergyTradeSetEventDTO>(e => new(A(e.EnergyTrade)));
        Add<ReadingDroppedEvent, EOC.ReadingDroppedEventDTO>(e => new(e.RequestId, A(e.Market)));
        Add<RequestCancelledEvent, EOC.RequestCancelledEventDTO>(e => new(e.RequestId));
        Add<LinkReservedEvent, EOC.LinkReservedEventDTO>(e => new(e.Reserved));
        Add<LinkWithdrawnEvent, EOC.LinkWithdrawnEventDTO>(e => new(A(e.To), e.Amount));

        Add<OracleRequestEvent, OP.OracleRequestEventDTO>(e => new(e.SpecId, A(e.Requester), e.RequestId, e.Payment, A(e.CallbackAddr),
            e.CallbackFunctionId, e.CancelExpiration, e.DataVersion, e.Data));
        Add<OracleResponseEvent, OP.OracleResponseEventDTO>(e => new(e.RequestId));
        Add<CancelOracleRequestEvent, OP.CancelOracleRequestEventDTO>(e => new(e.RequestId));
        Add<AuthorizedSendersChangedEvent, OP.AuthorizedSendersChangedEventDTO>(e => new([.. e.Senders.Select(A)], A(e.ChangedBy)));
    }

    /// <summary>The event's ABI (topic 0, indexed fields) and its decoder.</summary>
    public static Binding For<TEvent>() =>
        Bindings.TryGetValue(typeof(TEvent), out var binding)
            ? binding
            : throw new ArgumentException($"{typeof(TEvent).Name} is not one of Chain's event records");

    private static void Add<TEvent, TDto>(Func<TDto, TEvent> map) where TDto : class, IEventDTO, new() where TEvent : notnull
    {
        var abi = ABITypedRegistry.GetEvent<TDto>();
        Bindings[typeof(TEvent)] = new Binding(typeof(TEvent).Name[..^"Event".Length], abi,
            (topics, data) => map(new EventTopicDecoder().DecodeTopics<TDto>(topics, data)));
    }

    private static ulong Id(System.Numerics.BigInteger value) => (ulong)value;

    private static string A(string address) => ChainAddress.ToChecksum(address);

    internal sealed record Binding(string Name, EventABI Abi, Func<object[], string, object> Decode)
    {
        public string Topic => HexConvert.ToHex(HexConvert.FromHex(Abi.Sha3Signature));

        public bool Matches(FilterLog log) => log.Topics.Count > 0 && string.Equals(log.Topics[0], Topic, StringComparison.OrdinalIgnoreCase);

        public T DecodeLog<T>(FilterLog log) => (T)Decode([.. log.Topics.Cast<object>()], log.Data);

        /// <summary>The topic a value of the index-th indexed field has, for filtering logs.</summary>
        public string IndexedTopic(int index, object value)
        {
            var indexed = Abi.InputParameters.Where(p => p.Indexed).OrderBy(p => p.Order).ToList();
            if (index >= indexed.Count) throw new ArgumentException($"{Name} has {indexed.Count} indexed fields");
            var type = indexed[index].Type;
            if (value is Enum e) value = Convert.ToUInt64(e);
            return HexConvert.ToHex(new Nethereum.ABI.ABIEncode().GetABIEncoded(new Nethereum.ABI.ABIValue(type, value)));
        }
    }
}
