package dev.orathin.net;

/** An entry of an address list: an {@link Address} or a nested {@link AddressList}. */
public sealed interface AddressNode permits Address, AddressList {
}
