/// The dashboard's one script, served from `/static/watchfloor.js`. Pages work without it; it only
/// submits filter forms when a select marked `data-autosubmit` changes and asks before rejecting.
/// (The Content-Security-Policy allows scripts from this server only: no inline handlers.)
enum Script {
    static let javascript = """
        "use strict";
        document.addEventListener("change", function (event) {
          var target = event.target;
          if (target instanceof HTMLSelectElement && target.hasAttribute("data-autosubmit") && target.form) {
            target.form.submit();
          }
        });
        document.addEventListener("submit", function (event) {
          var submitter = event.submitter;
          if (submitter && submitter.hasAttribute("data-confirm") && !window.confirm(submitter.getAttribute("data-confirm"))) {
            event.preventDefault();
          }
        });
        """
}

/// The favicon: a small watch-floor radar, drawn here.
enum Favicon {
    static let svg = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1b2a41"/>\
        <circle cx="16" cy="16" r="10" fill="none" stroke="#8fb1d6" stroke-width="2"/><circle cx="16" cy="16" r="4.5" fill="none" stroke="#8fb1d6" stroke-width="2"/>\
        <path d="M16 16 L24 9" stroke="#f0b429" stroke-width="2.5" stroke-linecap="round"/><circle cx="22" cy="20" r="2" fill="#e2725a"/></svg>
        """
}
