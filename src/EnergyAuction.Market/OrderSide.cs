namespace EnergyAuction.Market;

public enum OrderSide
{
    Offer,
    Bid,
}
