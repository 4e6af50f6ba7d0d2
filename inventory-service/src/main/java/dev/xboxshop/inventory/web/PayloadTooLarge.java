package dev.xboxshop.inventory.web;

import java.io.IOException;

/**
 * Raised while reading a chunked body that grows past the limit; an {@link IOException}
 * so that message converters pass it on as the cause of their read failure.
 */
class PayloadTooLarge extends IOException {

	PayloadTooLarge(long limit) {
		super("The request body is larger than " + limit + " bytes");
	}

}
