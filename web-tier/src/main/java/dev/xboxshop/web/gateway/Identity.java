package dev.xboxshop.web.gateway;

/**
 * A customer identity the gateway issued ({@code POST /api/identity}).
 *
 * @param customerId the new customer's id
 * @param token the signed token that proves it
 */
public record Identity(String customerId, String token) {

}
