package dev.xboxshop.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Puts the notice named by {@code ?notice=} into every page's model; unknown codes show
 * nothing.
 */
@ControllerAdvice
class NoticeAdvice {

	@ModelAttribute("notice")
	Notice notice(@RequestParam(name = "notice", required = false) String code) {
		return (code != null) ? Notice.of(code).orElse(null) : null;
	}

	/** A per-order limit the notice names ({@code ?limit=}), when it is a sane number. */
	@ModelAttribute("noticeLimit")
	Integer noticeLimit(@RequestParam(name = "limit", required = false) String limit) {
		try {
			int value = (limit != null) ? Integer.parseInt(limit) : 0;
			return (value >= 1 && value <= 1000) ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
