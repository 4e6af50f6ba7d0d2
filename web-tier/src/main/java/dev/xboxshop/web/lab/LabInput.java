package dev.xboxshop.web.lab;

/**
 * Reads the lab's form fields; -1 means "not allowed", so a typo changes nothing.
 */
final class LabInput {

	private LabInput() {
	}

	static long wholeNumber(String text, long max) {
		if (text == null || !text.trim().matches("\\d{1,9}")) {
			return -1;
		}
		long value = Long.parseLong(text.trim());
		return (value <= max) ? value : -1;
	}

	/** A rate between 0 and 1, e.g. "0.25". */
	static double fraction(String text) {
		if (text == null || !text.trim().matches("(0(\\.\\d{1,4})?|1(\\.0{1,4})?|\\.\\d{1,4})")) {
			return -1;
		}
		return Double.parseDouble(text.trim());
	}

	static boolean checked(String checkbox) {
		return checkbox != null && (checkbox.equals("on") || checkbox.equals("true"));
	}

}
