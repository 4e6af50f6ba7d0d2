package dev.xboxshop.web.gateway;

/**
 * The gateway answered with an error status, usually an RFC 9457 problem. The storefront
 * maps the problem's slug (the last segment of its {@code type}) to a message for people.
 */
public class GatewayProblem extends RuntimeException {

	private final int status;

	private final String slug;

	public GatewayProblem(int status, String slug, String detail) {
		super("HTTP " + status + " " + slug + ((detail != null) ? ": " + detail : ""));
		this.status = status;
		this.slug = (slug != null) ? slug : "";
	}

	public int status() {
		return this.status;
	}

	public String slug() {
		return this.slug;
	}

	public boolean is(int status, String slug) {
		return this.status == status && this.slug.equals(slug);
	}

}
