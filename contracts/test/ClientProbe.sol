// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title ClientProbe
/// @notice Test-only contract for the .NET Ethereum client: struct arguments, arrays of structs, events with
///         indexed and non-indexed fields, custom errors, Error(string) and payable calls.
contract ClientProbe {
    struct Entry {
        uint256 id;
        address owner;
        uint64 amount;
        string label;
    }

    error TooLarge(uint256 given, uint256 limit);
    error NotOwner(address caller);

    event Stored(uint256 indexed id, address indexed owner, uint64 amount, string label);
    event Counted(address indexed sender, uint256 count);
    event LimitChanged(uint256 limit);
    event Deposited(address indexed from, uint256 amount);

    address public immutable owner;
    uint256 public limit;
    uint256 public count;
    mapping(uint256 => Entry) private entries;
    uint256[] private ids;

    /// @param limit_ the largest amount store() accepts
    constructor(uint256 limit_) {
        owner = msg.sender;
        limit = limit_;
    }

    /// @notice Stores one entry; reverts with TooLarge when its amount exceeds the limit.
    /// @param entry the entry to store under entry.id
    function store(Entry calldata entry) external {
        _store(entry);
    }

    /// @notice Stores several entries in one transaction.
    /// @param batch the entries, stored in order
    function storeMany(Entry[] calldata batch) external {
        for (uint256 i = 0; i < batch.length; i++) _store(batch[i]);
    }

    /// @notice Reads an entry back.
    /// @param id the entry's id
    /// @return the stored entry (all zero if absent)
    function get(uint256 id) external view returns (Entry memory) {
        return entries[id];
    }

    /// @notice Every stored entry, in the order first stored.
    /// @return all entries
    function all() external view returns (Entry[] memory) {
        Entry[] memory result = new Entry[](ids.length);
        for (uint256 i = 0; i < ids.length; i++) result[i] = entries[ids[i]];
        return result;
    }

    /// @notice Several outputs at once.
    /// @return count_ the counter, owner_ the deployer, limit_ the limit
    function summary() external view returns (uint256 count_, address owner_, uint256 limit_) {
        return (count, owner, limit);
    }

    /// @notice Adds one to the counter (cheap call for pipelining tests and benchmarks).
    function increment() external {
        count += 1;
        emit Counted(msg.sender, count);
    }

    /// @notice Changes the limit; only the owner may.
    /// @param limit_ the new limit
    function setLimit(uint256 limit_) external {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        limit = limit_;
        emit LimitChanged(limit_);
    }

    /// @notice Always reverts with a plain Error(string).
    function failWithReason() external pure {
        revert("plain reason");
    }

    /// @notice Accepts ether.
    function deposit() external payable {
        emit Deposited(msg.sender, msg.value);
    }

    function _store(Entry calldata entry) private {
        if (entry.amount > limit) revert TooLarge(entry.amount, limit);
        if (entries[entry.id].owner == address(0)) ids.push(entry.id);
        entries[entry.id] = entry;
        emit Stored(entry.id, entry.owner, entry.amount, entry.label);
    }
}
