// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

// Imported so Hardhat produces the `Operator` artifact that deploy.js and the tests use.
import {Operator} from "@chainlink/contracts/src/v0.8/operatorforwarder/Operator.sol";
