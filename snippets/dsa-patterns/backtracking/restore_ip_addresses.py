# --8<-- [start:solution]
def restore_ip_addresses(digits: str) -> list[str]:
    """Every valid IPv4 address whose dots can be removed to give `digits`.

    Each of the 4 parts is 0-255 with no leading zero ("0" is fine, "01" is not).
    Results are in the order the search finds them (shorter first parts first).
    """
    if not 4 <= len(digits) <= 12 or not (digits.isascii() and digits.isdigit()):
        return []
    results: list[str] = []
    parts: list[str] = []

    def backtrack(start: int) -> None:
        remaining_digits = len(digits) - start
        remaining_parts = 4 - len(parts)
        # Prune: every remaining part needs 1 to 3 digits.
        if not remaining_parts <= remaining_digits <= 3 * remaining_parts:
            return
        if remaining_parts == 0:  # here remaining_digits is 0 as well
            results.append(".".join(parts))
            return
        for length in (1, 2, 3):
            part = digits[start : start + length]
            if len(part) < length or (len(part) > 1 and part[0] == "0") or int(part) > 255:
                break  # a longer part would be invalid too
            parts.append(part)  # take the decision
            backtrack(start + length)  # explore
            parts.pop()  # undo it

    backtrack(0)
    return results


if __name__ == "__main__":
    print(restore_ip_addresses("25525511135"))  # Output: ['255.255.11.135', '255.255.111.35']
    print(restore_ip_addresses("0000"))  # Output: ['0.0.0.0']
    print(restore_ip_addresses("101023"))
    # Output: ['1.0.10.23', '1.0.102.3', '10.1.0.23', '10.10.2.3', '101.0.2.3']
    print(restore_ip_addresses("1234567890123"))  # Output: []
# --8<-- [end:solution]
