package dev.xboxshop.inventory.lease;

import dev.xboxshop.inventory.web.MalformedRequest;

/**
 * A lease call with an impossible replica id, quantity or sold count.
 */
class InvalidLeaseRequest extends MalformedRequest {

	InvalidLeaseRequest(String detail) {
		super(detail);
	}

}
