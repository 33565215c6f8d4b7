# The two set-up commands. Both install what is missing first (see scripts/install.sh).
#   make serve   build the page and serve it on http://127.0.0.1:8080/
#   make test    run every test: native, in headless Chromium, and end to end
# Also: make eval (the shared scorers' numbers; needs ../shared), make screenshot (docs/screenshot.png).

.PHONY: serve test eval screenshot

serve:
	bash scripts/serve.sh

test:
	bash scripts/test.sh

eval:
	bash scripts/eval.sh

screenshot:
	bash scripts/screenshot.sh
