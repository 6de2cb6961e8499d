// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEnergyTrade} from "./interfaces/IEnergyTrade.sol";
import {IDataAccess} from "./interfaces/IDataAccess.sol";
import {IEnergyOracleClient} from "./interfaces/IEnergyOracleClient.sol";
import {TradeStorage} from "./trade/TradeStorage.sol";
import {WindowPhases} from "./trade/WindowPhases.sol";
import {OrderBook} from "./trade/OrderBook.sol";
import {ClearingChecks} from "./trade/ClearingChecks.sol";
import {ClearingStubs} from "./trade/ClearingStubs.sol";
import {WindowBounds} from "./trade/WindowBounds.sol";
import {SettlementPayouts} from "./trade/SettlementPayouts.sol";
import {TradeViews} from "./trade/TradeViews.sol";
import {EnergyTradeReader} from "./EnergyTradeReader.sol";

/// @title Trading windows of the microgrid energy market
/// @notice Orders, escrow, the posted clearing result, settlement from meter readings and pull payments,
///         as shared/spec/MARKET.md and shared/design/ARCHITECTURE.md define them.
///         One concern per module under trade/; this contract composes them and is the one address households use.
contract EnergyTrade is WindowPhases, OrderBook, ClearingStubs, SettlementPayouts, TradeViews {
    /// @inheritdoc IEnergyTrade
    address public immutable reader;
    /// @dev The clearing module (ClearingChecks), run by delegatecall on this contract's storage.
    address private immutable clearingModule;

    /// @param dataAccess_ the meter registry
    /// @param admin receives DEFAULT_ADMIN_ROLE and OPERATOR_ROLE
    constructor(IDataAccess dataAccess_, address admin) TradeStorage(dataAccess_, new WindowBounds()) {
        if (admin == address(0)) revert InvalidParams("zero address");
        if (dataAccess_.meterCountOf(admin) != 0) revert MeterOwnerCannotHoldRole(admin);
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(OPERATOR_ROLE, admin);
        // Created here, so its code is part of this contract's deployment but not of its 24,576 deployed bytes.
        reader = address(new EnergyTradeReader());
        clearingModule = address(new ClearingChecks(dataAccess_, windowBounds));
    }

    function _clearingModule() internal view override returns (address) {
        return clearingModule;
    }

    // ---------------------------------------------------------------- administration

    /// @inheritdoc IEnergyTrade
    function setOracleClient(address client) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (client.code.length == 0) revert OracleClientNotContract(client);
        _requireNoMeters(client);
        address previous = address(oracle);
        if (previous != address(0)) _revokeRole(ORACLE_ROLE, previous);
        oracle = IEnergyOracleClient(client);
        _grantRole(ORACLE_ROLE, client);
        emit OracleClientSet(client);
    }

    /// @inheritdoc IEnergyTrade
    function setFeeRecipient(address recipient) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (recipient == address(0)) revert InvalidParams("zero address");
        gridFeeRecipient = recipient;
        emit FeeRecipientSet(recipient);
    }

    /// @inheritdoc IEnergyTrade
    function holdsMarketRole(address account) external view returns (bool) {
        return hasRole(DEFAULT_ADMIN_ROLE, account) || hasRole(OPERATOR_ROLE, account) || hasRole(ORACLE_ROLE, account);
    }

    /// @notice ORACLE_ROLE is not granted here: only setOracleClient gives it, to a contract, so no plain account
    ///         can ever report readings. No role goes to a meter owner (ARCHITECTURE.md "Roles": role holders never trade).
    function grantRole(bytes32 role, address account) public override {
        if (role == ORACLE_ROLE) revert OracleRoleOnlyViaSetOracleClient();
        _requireNoMeters(account);
        super.grantRole(role, account);
    }

    function _requireNoMeters(address account) private view {
        if (registry.meterCountOf(account) != 0) revert MeterOwnerCannotHoldRole(account);
    }
}
