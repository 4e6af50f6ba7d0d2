package dev.xboxshop.inventory.lease;

/**
 * A holder's grant or renewal: the units it wants added (0 renews only) and the units it
 * sold from the lease so far.
 *
 * @param wanted units to add, 0 to renew only
 * @param soldTotal units the holder sold from this lease in all
 */
record LeaseRequest(Integer wanted, Long soldTotal) {

}
