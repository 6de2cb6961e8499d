// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

import {Chainlink} from "@chainlink/contracts/src/v0.8/Chainlink.sol";

/// @title Produces the CBOR request data Chainlink's own library builds, as test vectors for the
/// operator daemon's decoder. Never deployed outside the vector generator.
contract CborVectors {
    using Chainlink for Chainlink.Request;

    /// @notice The request EnergyOracleClient builds: get = url, path = "value".
    /// @param url the HEMS URL
    /// @return the CBOR map content Chainlink's Operator emits in OracleRequest.data
    function getAndPath(string memory url) external pure returns (bytes memory) {
        Chainlink.Request memory req;
        req = req._initialize(bytes32(0), address(0), bytes4(0));
        req._add("get", url);
        req._add("path", "value");
        return req.buf.buf;
    }

    /// @notice Every value type Chainlink.sol can add, to cover the decoder.
    /// @return the CBOR map content
    function everyType() external pure returns (bytes memory) {
        Chainlink.Request memory req;
        req = req._initialize(bytes32(0), address(0), bytes4(0));
        req._addUint("times", 100);
        req._addUint("big", 2 ** 70);
        req._addInt("neg", -5);
        req._addInt("bigneg", -(2 ** 70));
        req._addBytes("raw", hex"0102ff");
        string[] memory path = new string[](3);
        path[0] = "data";
        path[1] = "0";
        path[2] = "value";
        req._addStringArray("path", path);
        return req.buf.buf;
    }
}
