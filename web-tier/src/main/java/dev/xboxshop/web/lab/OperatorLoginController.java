package dev.xboxshop.web.lab;

import dev.xboxshop.web.Notice;
import dev.xboxshop.web.security.OperatorSession;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The lab's door: the presenter types the operator token once and gets a signed, HttpOnly
 * cookie scoped to {@code /lab}.
 */
@Controller
class OperatorLoginController {

	private final OperatorSession session;

	OperatorLoginController(OperatorSession session) {
		this.session = session;
	}

	@GetMapping("/lab/login")
	String loginForm() {
		return "lab-login";
	}

	@PostMapping("/lab/login")
	String login(@RequestParam(name = "token", required = false) String token, Model model,
			HttpServletResponse response) {
		if (!this.session.isOperatorToken(token)) {
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			model.addAttribute("notice", Notice.LOGIN_FAILED);
			return "lab-login";
		}
		response.addHeader(HttpHeaders.SET_COOKIE, this.session.open().toString());
		return "redirect:/lab";
	}

	@PostMapping("/lab/logout")
	String logout(HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE, this.session.close().toString());
		return "redirect:/?notice=" + Notice.LOGGED_OUT.code();
	}

}
