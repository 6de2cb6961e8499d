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
/// @notice Asks the Operator to GET a HEMS URL and take one JSON field; pays in LINK; forwards the answer to the
///         EnergyTrade that asked. The 0.8 Operator calls back the requester, i.e. this contract. Every order reserves
///         the LINK of the readings it can need when it is placed, so a window's readings are always paid for.
contract EnergyOracleClient is IEnergyOracleClient, ChainlinkClient, Ownable {
    using Chainlink for Chainlink.Request;

    struct Pending {
        uint248 orderId;
        ReadingKind kind;
        /// @dev The EnergyTrade that asked: a later setEnergyTrade must not receive its answer.
        address market;
        uint40 expiration;
        uint96 payment;
    }

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
    /// @notice Readings that orders may still need and whose LINK (`fee` each) the client keeps.
    uint256 public reservedReadings;

    mapping(bytes32 requestId => Pending) private pending;

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
        _setEnergyTrade(energyTrade_);
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
        if (p.market == address(0)) revert UnknownRequest(requestId);
        _cancel(requestId, p);
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
        (requestId,) = _request(orderId, meterId, ReadingKind.AvailableEnergy, url, "value");
    }

    /// @inheritdoc IEnergyOracleClient
    function requestReading(uint256 orderId, bytes32 meterId, bool exported, uint64 fromTs, uint64 toTs, bytes32 replaces)
        external
        onlyEnergyTrade
        returns (bytes32 requestId, uint64 expiresAt)
    {
        // The repeat is paid by the replaced request's LINK: cancelled here if still at the Operator, or reserved
        // anew if the owner already cancelled it.
        if (replaces != bytes32(0)) {
            if (pending[replaces].market != address(0)) _cancel(replaces, pending[replaces]);
            _reserve(1);
        }
        string memory url = string.concat(
            hemsBaseUrl,
            "/meters/",
            _meter(meterId),
            "/energy?from=",
            Strings.toString(fromTs),
            "&to=",
            Strings.toString(toTs)
        );
        return _request(orderId, meterId, ReadingKind.Settlement, url, exported ? "exportWh" : "importWh");
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
        if (p.kind == ReadingKind.AvailableEnergy) {
            IEnergyTrade(p.market).onAvailableEnergy(p.orderId, value);
        } else {
            IEnergyTrade(p.market).onReading(p.orderId, value);
        }
    }

    modifier onlyEnergyTrade() {
        if (msg.sender != energyTrade) revert OnlyEnergyTrade(msg.sender);
        _;
    }

    /// @dev Sends one request, paid from the reservation its order made.
    function _request(uint256 orderId, bytes32 meterId, ReadingKind kind, string memory url, string memory path)
        private
        returns (bytes32 requestId, uint64 expiresAt)
    {
        if (!dataAccess.hasAccess(meterId, energyTrade)) revert NoDataAccess(meterId);
        Chainlink.Request memory req = _buildOperatorRequest(jobId, this.fulfill.selector);
        req._add("get", url);
        req._add("path", path);
        uint256 payment = fee;
        _unreserve(1);
        requestId = _sendOperatorRequest(req, payment);
        // The Operator stamps the request with now + its expiry time; cancelling needs the same figures.
        expiresAt = uint64(block.timestamp + REQUEST_EXPIRY);
        pending[requestId] = Pending(uint248(orderId), kind, msg.sender, uint40(expiresAt), uint96(payment));
        emit ReadingRequested(requestId, orderId, meterId, uint8(kind), url);
    }

    function _cancel(bytes32 requestId, Pending memory p) private {
        delete pending[requestId];
        emit RequestCancelled(requestId);
        _cancelChainlinkRequest(requestId, p.payment, this.fulfill.selector, p.expiration);
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

    function _setEnergyTrade(address energyTrade_) private {
        energyTrade = energyTrade_;
        emit EnergyTradeSet(energyTrade_);
    }
}
