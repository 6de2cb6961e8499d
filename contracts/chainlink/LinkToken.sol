// SPDX-License-Identifier: MIT
pragma solidity ^0.8.19;

// Imported so Hardhat produces the `LinkToken` artifact that deploy.js and the tests use.
import {LinkToken} from "@chainlink/contracts/src/v0.8/shared/token/ERC677/LinkToken.sol";
