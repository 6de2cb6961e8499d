// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ChainlinkClient, Chainlink} from "@chainlink/contracts/src/v0.8/ChainlinkClient.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {IEnergyOracleClient} from "./interfaces/IEnergyOracleClient.sol";
import {IEnergyTrade} from "./interfaces/IEnergyTrade.sol";
import {IDataAccess} from "./interfaces/IDataAccess.sol";
import {MeterId} from "./lib/MeterId.sol";

/// @title Chainlink direct-request client for meter readings
/// @notice Asks the Operator to GET a HEMS URL and take the JSON field `value`; pays in LINK; forwards the
///         answer to EnergyTrade. The 0.8 Operator calls back the requester, i.e. this contract.
contract EnergyOracleClient is IEnergyOracleClient, ChainlinkClient, Ownable {
    using Chainlink for Chainlink.Request;

    struct Pending {
        uint248 orderId;
        ReadingKind kind;
    }

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

    /// @notice The Operator requests are sent to.
    function operator() external view returns (address) {
        return _chainlinkOracleAddress();
    }

    /// @notice The LINK token requests are paid in.
    function linkToken() external view returns (address) {
        return _chainlinkTokenAddress();
    }

    /// @inheritdoc IEnergyOracleClient
    function requestAvailableEnergy(uint256 orderId, bytes32 meterId) external returns (bytes32 requestId) {
        string memory url = string.concat(hemsBaseUrl, "/battery-soc/", _meter(meterId));
        return _request(orderId, meterId, ReadingKind.AvailableEnergy, url);
    }

    /// @inheritdoc IEnergyOracleClient
    function requestDelivery(uint256 bidId, bytes32 meterId, uint64 fromTs, uint64 toTs)
        external
        returns (bytes32 requestId)
    {
        string memory url = string.concat(
            hemsBaseUrl,
            "/meters/",
            _meter(meterId),
            "/energy?from=",
            Strings.toString(fromTs),
            "&to=",
            Strings.toString(toTs)
        );
        return _request(bidId, meterId, ReadingKind.Delivery, url);
    }

    /// @inheritdoc IEnergyOracleClient
    function fulfill(bytes32 requestId, uint256 value) external recordChainlinkFulfillment(requestId) {
        Pending memory p = pending[requestId];
        delete pending[requestId];
        emit ReadingFulfilled(requestId, value);
        if (p.kind == ReadingKind.AvailableEnergy) {
            IEnergyTrade(energyTrade).onAvailableEnergy(p.orderId, value);
        } else {
            IEnergyTrade(energyTrade).onDelivery(p.orderId, value);
        }
    }

    function _request(uint256 orderId, bytes32 meterId, ReadingKind kind, string memory url)
        private
        returns (bytes32 requestId)
    {
        if (msg.sender != energyTrade) revert OnlyEnergyTrade(msg.sender);
        if (!dataAccess.hasAccess(meterId, energyTrade)) revert NoDataAccess(meterId);
        Chainlink.Request memory req = _buildOperatorRequest(jobId, this.fulfill.selector);
        req._add("get", url);
        req._add("path", "value");
        requestId = _sendOperatorRequest(req, fee);
        pending[requestId] = Pending(uint248(orderId), kind);
        emit ReadingRequested(requestId, orderId, meterId, uint8(kind), url);
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
