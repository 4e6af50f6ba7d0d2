package dev.xboxshop.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Where an error page's way back leads: the page of this shop the shopper came from (the
 * {@code Referer}, reduced to its path so it can never lead off the shop), else the
 * launch page.
 */
@ControllerAdvice
class BackLinkAdvice {

	@ModelAttribute("backUrl")
	String backUrl(HttpServletRequest request) {
		String referer = request.getHeader(HttpHeaders.REFERER);
		if (referer == null) {
			return "/";
		}
		try {
			URI from = URI.create(referer);
			boolean here = from.getHost() == null || from.getHost().equalsIgnoreCase(request.getServerName());
			String path = from.getRawPath();
			return (here && path != null && path.startsWith("/") && !path.startsWith("//")) ? path : "/";
		}
		catch (IllegalArgumentException ex) {
			return "/";
		}
	}

}
