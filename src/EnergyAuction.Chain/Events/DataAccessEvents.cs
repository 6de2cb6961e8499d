namespace EnergyAuction.Chain.Events;

// Event DTOs of IDataAccess (fields named after the Solidity event's, type named after the event + "Event").

public sealed record MeterRegisteredEvent(byte[] MeterId, string Owner, uint Bus);

public sealed record AccessGrantedEvent(byte[] MeterId, string Requester);

public sealed record AccessRevokedEvent(byte[] MeterId, string Requester);
