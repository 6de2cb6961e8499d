// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice The meter id format: 1-12 URL-safe ASCII characters left-aligned in bytes32, zero padded.
library MeterId {
    uint256 internal constant MAX_LENGTH = 12;

    /// @notice Whether `id` follows the format (so it can be stored as bytes12 and put into a URL unescaped).
    function isValid(bytes32 id) internal pure returns (bool) {
        uint256 len = length(id);
        if (len == 0 || len > MAX_LENGTH) return false;
        for (uint256 i = 0; i < 32; ++i) {
            bytes1 c = id[i];
            if (i >= len) {
                if (c != 0) return false;
            } else if (!_urlSafe(c)) {
                return false;
            }
        }
        return true;
    }

    /// @notice Number of bytes before the first zero byte.
    function length(bytes32 id) internal pure returns (uint256 len) {
        while (len < 32 && id[len] != 0) ++len;
    }

    /// @notice The id as a string, without its zero padding.
    function toString(bytes32 id) internal pure returns (string memory s) {
        uint256 len = length(id);
        bytes memory b = new bytes(len);
        for (uint256 i = 0; i < len; ++i) b[i] = id[i];
        return string(b);
    }

    function _urlSafe(bytes1 c) private pure returns (bool) {
        return (c >= "0" && c <= "9") || (c >= "A" && c <= "Z") || (c >= "a" && c <= "z") || c == "-" || c == "_"
            || c == ".";
    }
}
