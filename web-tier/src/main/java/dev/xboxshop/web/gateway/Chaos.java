package dev.xboxshop.web.gateway;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * inventory-service's chaos control, set from the lab page.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Chaos(long extraLatencyMs, double errorRate, boolean down) {

}
