// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Forwarder} from "./Forwarder.sol";

/// @notice Test-only trader whose address refuses ETH (no receive), to show a failed withdrawal reverts and keeps
///         the balance.
contract RejectingTrader is Forwarder {}
