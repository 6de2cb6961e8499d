// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ChainlinkClient, Chainlink} from "@chainlink/contracts/src/v0.8/ChainlinkClient.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {LinkTokenInterface} from "@chainlink/contracts/src/v0.8/shared/interfaces/LinkTokenInterface.sol";
import {IEnergyOracleClient} from "./interfaces/IEnergyOracleClient.sol";
import {IEnergyTrade} from "./interfaces/IEnergyTrade.sol";
import {IDataAccess} from "./interfaces/IDataAccess.sol";
import {MeterId} from "./lib/MeterId.sol";

/// @title Chainlink direct-request client for meter readings
/// @notice Asks the Operator to GET a HEMS URL and take one JSON field (a seller's available energy), or the readings
///         of many meters in one request (settlement); pays in LINK; forwards the answer to the EnergyTrade that asked.
///         The 0.8 Operator calls back the requester, i.e. this contract. Every order reserves the LINK of the readings
///         it can need when it is placed, so a window's readings are always paid for.
contract EnergyOracleClient is IEnergyOracleClient, ChainlinkClient, Ownable {
    using Chainlink for Chainlink.Request;

    /// @dev A seller's available-energy request.
    struct Pending {
        uint256 orderId;
        /// @dev The EnergyTrade that asked: a later setEnergyTrade must not receive its answer.
        address market;
        uint40 expiration;
        uint96 payment;
    }

    /// @dev A batched settlement request: what cancelling it needs, and what its answer must match.
    struct ReadingBatch {
        address market;
        uint40 expiration;
        uint16 count;
        uint96 payment;
        /// @dev keccak256 of the requested meter ids in request order; the answer's meters must hash the same.
        bytes32 metersHash;
    }

    /// @notice Most readings one batched request carries: its fulfilment (about 30,000 gas a reading, more for an
    ///         offer with many matches) then stays within 4,000,000 gas, a fraction of a block.
    uint256 public constant MAX_READINGS_PER_REQUEST = 100;
    /// @dev A batch's orders are stored as (orderId << 1 | side, 1 for a bid) in 40 bits, six to a slot.
    uint256 private constant ORDERS_PER_SLOT = 6;
    /// @dev The Operator lets a requester cancel a request this long after it was made.
    uint256 private constant REQUEST_EXPIRY = 5 minutes;

    /// @notice The meter registry whose grants are checked before each request.
    IDataAccess public immutable dataAccess;
    /// @notice The only contract allowed to request readings, and the one readings are forwarded to.
    address public energyTrade;
    /// @notice The Chainlink job that serves HTTP GET + JSON path requests.
    bytes32 public jobId;
    /// @notice LINK (juels) paid per request.
    uint256 public fee;
    /// @notice Base of the HEMS API, without trailing slash.
    string public hemsBaseUrl;
    /// @notice The Chainlink job that serves batched readings requests (HTTP GET, JSON parse, ABI encode).
    bytes32 public readingsJobId;
    /// @notice Readings that orders may still need and whose LINK (`fee` each) the client keeps.
    uint256 public reservedReadings;

    /// @dev Requests sent so far; the next is ChainlinkClient's request number requestsSent + 1.
    uint256 private requestsSent;
    mapping(bytes32 requestId => Pending) private pending;
    mapping(bytes32 requestId => ReadingBatch) private batches;
    mapping(bytes32 requestId => mapping(uint256 slot => uint256)) private batchOrders;

    /// @param link the LINK token (ERC-677)
    /// @param operator_ the Chainlink Operator contract
    /// @param jobId_ the job that serves HTTP GET + JSON path requests
    /// @param fee_ LINK (in juels) paid per request
    /// @param hemsBaseUrl_ base of the HEMS API, without trailing slash
    /// @param energyTrade_ the only contract allowed to request readings
    /// @param dataAccess_ the meter registry whose grants are checked before each request
    constructor(
        address link,
        address operator_,
        bytes32 jobId_,
        uint256 fee_,
        string memory hemsBaseUrl_,
        address energyTrade_,
        IDataAccess dataAccess_
    ) Ownable(msg.sender) {
        _setChainlinkToken(link);
        dataAccess = dataAccess_;
        _configure(operator_, jobId_, fee_, hemsBaseUrl_);
        _setReadingsJob(jobId_);
        _setEnergyTrade(energyTrade_);
    }

    /// @notice Change the job that serves batched readings requests (at first the constructor's job). Owner only.
    function setReadingsJob(bytes32 jobId_) external onlyOwner {
        _setReadingsJob(jobId_);
    }

    /// @notice Change the Operator, job, fee or HEMS base URL. Owner only.
    function configure(address operator_, bytes32 jobId_, uint256 fee_, string calldata hemsBaseUrl_)
        external
        onlyOwner
    {
        _configure(operator_, jobId_, fee_, hemsBaseUrl_);
    }

    /// @notice Change the EnergyTrade contract allowed to request readings. Owner only.
    function setEnergyTrade(address energyTrade_) external onlyOwner {
        _setEnergyTrade(energyTrade_);
    }

    /// @notice Withdraw LINK above what the reserved readings need. Owner only.
    function withdrawLink(address to, uint256 amount) external onlyOwner {
        uint256 held = _linkHeld();
        uint256 needed = reservedReadings * fee + amount;
        if (needed > held) revert InsufficientLink(needed, held);
        emit LinkWithdrawn(to, amount);
        if (!LinkTokenInterface(_chainlinkTokenAddress()).transfer(to, amount)) revert InsufficientLink(needed, held);
    }

    /// @notice Cancel an expired request at the Operator; its LINK comes back unreserved (a repeat of the reading
    ///         then reserves anew). Owner only.
    function cancelExpiredRequest(bytes32 requestId) external onlyOwner {
        Pending memory p = pending[requestId];
        if (p.market != address(0)) {
            delete pending[requestId];
            _cancel(requestId, p.payment, this.fulfill.selector, p.expiration);
        } else if (batches[requestId].market != address(0)) {
            _cancelBatch(requestId);
        } else {
            revert UnknownRequest(requestId);
        }
    }

    /// @inheritdoc IEnergyOracleClient
    function reserveReadings(uint256 readings) external onlyEnergyTrade {
        _reserve(readings);
    }

    /// @inheritdoc IEnergyOracleClient
    function releaseReadings(uint256 readings) external onlyEnergyTrade {
        _unreserve(readings);
    }

    /// @notice The Operator requests are sent to.
    function operator() external view returns (address) {
        return _chainlinkOracleAddress();
    }

    /// @notice The LINK token requests are paid in.
    function linkToken() external view returns (address) {
        return _chainlinkTokenAddress();
    }

    /// @inheritdoc IEnergyOracleClient
    function requestAvailableEnergy(uint256 orderId, bytes32 meterId)
        external
        onlyEnergyTrade
        returns (bytes32 requestId)
    {
        string memory url = string.concat(hemsBaseUrl, "/battery-soc/", _meter(meterId));
        if (!dataAccess.hasAccess(meterId, energyTrade)) revert NoDataAccess(meterId);
        Chainlink.Request memory req = _buildOperatorRequest(jobId, this.fulfill.selector);
        req._add("get", url);
        req._add("path", "value");
        uint256 payment = fee;
        _unreserve(1);
        requestId = _send(req, payment);
        // The Operator stamps the request with now + its expiry time; cancelling needs the same figures.
        pending[requestId] = Pending(orderId, msg.sender, uint40(block.timestamp + REQUEST_EXPIRY), uint96(payment));
        emit ReadingRequested(requestId, orderId, meterId, uint8(ReadingKind.AvailableEnergy), url);
    }

    /// @inheritdoc IEnergyOracleClient
    function nextReadingsRequest() external view returns (bytes32 requestId, uint64 expiresAt) {
        return (keccak256(abi.encodePacked(address(this), requestsSent + 1)), uint64(block.timestamp + REQUEST_EXPIRY));
    }

    /// @inheritdoc IEnergyOracleClient
    function requestReadings(uint256[] calldata asks, uint64 fromTs, uint64 toTs) external onlyEnergyTrade {
        // EnergyTrade passes room for every order it was given; the orders it asks for come first, then zeros.
        uint256 n;
        while (2 * n < asks.length && asks[2 * n] != 0) ++n;
        if (n == 0) return;
        if (n > MAX_READINGS_PER_REQUEST) revert TooManyReadings(n, MAX_READINGS_PER_REQUEST);
        uint256[] memory entries = new uint256[](n);
        uint256[] memory orderIds = new uint256[](n);
        bytes32[] memory meterIds = new bytes32[](n);
        uint256 repeats;
        // EnergyTrade has skipped every meter it may no longer read.
        for (uint256 i = 0; i < n; ++i) {
            uint256 ask = asks[2 * i];
            bytes32 replaces = bytes32(asks[2 * i + 1]);
            entries[i] = uint40(ask);
            orderIds[i] = uint160(ask) >> 1;
            meterIds[i] = bytes12(bytes32(ask));
            // A repeat's reading is reserved anew: the expired request's LINK comes back when it is cancelled here
            // (or came back when the owner cancelled it), and a request the HEMS answered without it was paid for.
            if (replaces != bytes32(0)) {
                ++repeats;
                if (batches[replaces].market != address(0)) _cancelBatch(replaces);
            }
        }
        _reserve(repeats);
        string memory url = string.concat(
            hemsBaseUrl,
            "/readings?from=",
            Strings.toString(fromTs),
            "&to=",
            Strings.toString(toTs),
            "&meters=",
            _meterList(meterIds)
        );
        Chainlink.Request memory req = _buildOperatorRequest(readingsJobId, this.fulfillReadings.selector);
        req._add("get", url);
        uint256 payment = fee * n;
        _unreserve(n);
        bytes32 requestId = _send(req, payment);
        batches[requestId] = ReadingBatch(
            msg.sender, uint40(block.timestamp + REQUEST_EXPIRY), uint16(n), uint96(payment),
            keccak256(abi.encodePacked(meterIds))
        );
        _storeBatchOrders(requestId, entries);
        emit ReadingsRequested(requestId, orderIds, meterIds, url);
    }

    /// @inheritdoc IEnergyOracleClient
    function fulfill(bytes32 requestId, uint256 value) external recordChainlinkFulfillment(requestId) {
        Pending memory p = pending[requestId];
        delete pending[requestId];
        if (p.market != energyTrade) {
            emit ReadingDropped(requestId, p.market);
            return;
        }
        emit ReadingFulfilled(requestId, value);
        IEnergyTrade(p.market).onAvailableEnergy(p.orderId, value);
    }

    /// @inheritdoc IEnergyOracleClient
    function fulfillReadings(
        bytes32 requestId,
        bytes32[] calldata meters,
        uint256[] calldata imports,
        uint256[] calldata exports,
        bool[] calldata read
    ) external recordChainlinkFulfillment(requestId) {
        ReadingBatch memory b = batches[requestId];
        delete batches[requestId];
        if (b.market != energyTrade) {
            emit ReadingDropped(requestId, b.market);
            return;
        }
        uint256 n = b.count;
        if (
            meters.length != n || imports.length != n || exports.length != n || read.length != n
                || keccak256(abi.encodePacked(meters)) != b.metersHash
        ) {
            emit ReadingsRejected(requestId);
            return;
        }
        uint256[] memory readingsOf = new uint256[](n);
        uint256 m;
        for (uint256 i = 0; i < n; ++i) {
            uint256 entry = uint40(batchOrders[requestId][i / ORDERS_PER_SLOT] >> ((i % ORDERS_PER_SLOT) * 40));
            if (!read[i]) {
                emit ReadingMissing(requestId, entry >> 1);
                continue;
            }
            // Bit 0 is the order's side: 1 for a bid, which reads the import.
            uint256 wh = entry & 1 == 1 ? imports[i] : exports[i];
            readingsOf[m++] = (entry >> 1) << 64 | (wh > type(uint64).max ? type(uint64).max : wh);
        }
        assembly ("memory-safe") {
            mstore(readingsOf, m)
        }
        emit ReadingsFulfilled(requestId, m);
        if (m > 0) IEnergyTrade(b.market).onReadings(readingsOf);
    }

    modifier onlyEnergyTrade() {
        if (msg.sender != energyTrade) revert OnlyEnergyTrade(msg.sender);
        _;
    }

    /// @dev Every request goes out here, so requestsSent follows ChainlinkClient's own request count.
    function _send(Chainlink.Request memory req, uint256 payment) private returns (bytes32) {
        ++requestsSent;
        return _sendOperatorRequest(req, payment);
    }

    /// @dev The Operator refunds the payment; the readings it paid for are reserved anew only when repeated.
    function _cancel(bytes32 requestId, uint256 payment, bytes4 callback, uint256 expiration) private {
        emit RequestCancelled(requestId);
        _cancelChainlinkRequest(requestId, payment, callback, expiration);
    }

    function _cancelBatch(bytes32 requestId) private {
        ReadingBatch memory b = batches[requestId];
        delete batches[requestId];
        _cancel(requestId, b.payment, this.fulfillReadings.selector, b.expiration);
    }

    /// @dev `entries` are (orderId << 1 | side) in 40 bits: EnergyTrade keeps order ids in 32.
    function _storeBatchOrders(bytes32 requestId, uint256[] memory entries) private {
        uint256 word;
        for (uint256 i = 0; i < entries.length; ++i) {
            word |= entries[i] << ((i % ORDERS_PER_SLOT) * 40);
            if (i % ORDERS_PER_SLOT == ORDERS_PER_SLOT - 1 || i + 1 == entries.length) {
                batchOrders[requestId][i / ORDERS_PER_SLOT] = word;
                word = 0;
            }
        }
    }

    /// @dev The meters as the HEMS query wants them: ids comma-separated, in request order.
    function _meterList(bytes32[] memory meterIds) private pure returns (string memory) {
        bytes memory list = new bytes(meterIds.length * (MeterId.MAX_LENGTH + 1));
        uint256 at;
        for (uint256 i = 0; i < meterIds.length; ++i) {
            if (i > 0) list[at++] = ",";
            bytes32 id = meterIds[i];
            for (uint256 k = 0; k < 32 && id[k] != 0; ++k) list[at++] = id[k];
        }
        assembly ("memory-safe") {
            mstore(list, at)
        }
        return string(list);
    }

    function _reserve(uint256 readings) private {
        uint256 reserved = reservedReadings + readings;
        uint256 held = _linkHeld();
        if (reserved * fee > held) revert InsufficientLink(reserved * fee, held);
        _setReserved(reserved);
    }

    /// @dev Saturating: orders placed while another client served the market reserved nothing here, and closing
    ///      their window must not revert.
    function _unreserve(uint256 readings) private {
        uint256 reserved = reservedReadings;
        _setReserved(readings < reserved ? reserved - readings : 0);
    }

    function _setReserved(uint256 reserved) private {
        reservedReadings = reserved;
        emit LinkReserved(reserved);
    }

    function _linkHeld() private view returns (uint256) {
        return LinkTokenInterface(_chainlinkTokenAddress()).balanceOf(address(this));
    }

    /// @dev The meter id as URL text; DataAccess only registers URL-safe ids.
    function _meter(bytes32 meterId) private pure returns (string memory) {
        return MeterId.toString(meterId);
    }

    function _configure(address operator_, bytes32 jobId_, uint256 fee_, string memory hemsBaseUrl_) private {
        _setChainlinkOracle(operator_);
        jobId = jobId_;
        fee = fee_;
        hemsBaseUrl = hemsBaseUrl_;
        emit OracleConfigured(operator_, jobId_, fee_, hemsBaseUrl_);
    }

    function _setReadingsJob(bytes32 jobId_) private {
        readingsJobId = jobId_;
        emit ReadingsJobSet(jobId_);
    }

    function _setEnergyTrade(address energyTrade_) private {
        energyTrade = energyTrade_;
        emit EnergyTradeSet(energyTrade_);
    }
}
