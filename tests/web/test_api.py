"""The web app through its HTTP interface (FastAPI test client, no browser)."""

from __future__ import annotations

import io
import json
import re
import time
from collections.abc import Sequence

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install 'numcheck[web]'")

from fastapi.testclient import TestClient

from numcheck.documents import Document
from numcheck.engine import check_documents
from numcheck.web.app import CSP, Settings, create_app
from numcheck.web.limits import MB, Limits

FOREST = "The forest covers 25 square miles (40 square kilometres) of wetland."
ATTACK = ("The bombing killed five Americans – two service members, a Pentagon civilian and "
          "a US contractor – in the town last month.")


def test_api_check_returns_the_json_contract(client: TestClient) -> None:
    response = client.post("/api/check", json={"text": FOREST, "date": "2019-02-06"})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"findings", "documents"}
    # The same bytes the library gives for the same document: the API adds nothing.
    expected = check_documents([Document.from_text(FOREST, "<pasted>",
                                                   {"date": "2019-02-06"})]).to_json()
    assert body == json.loads(json.dumps(expected))
    finding = body["findings"][0]
    assert finding["rule"] == "NC101"
    assert [e["text"] for e in finding["evidence"]] == ["25 square miles",
                                                        "40 square kilometres"]
    assert (finding["line"], finding["column"]) == (1, 19)
    assert body["documents"] == [{"path": "<pasted>", "claims": 2, "findings": 1}]


def test_api_check_uses_the_given_path_and_title(client: TestClient) -> None:
    body = client.post("/api/check", json={"text": FOREST, "path": "drafts/forest.md",
                                           "title": "Forest"}).json()
    assert body["documents"][0]["path"] == "drafts/forest.md"
    assert body["findings"][0]["evidence"][0]["path"] == "drafts/forest.md"


@pytest.mark.parametrize(
    ("payload", "status", "words"),
    [
        ({"text": FOREST, "date": "6 Feb 2019"}, 400, "2019-02-06"),
        ({"text": "   "}, 400, "Nothing to check"),
        ({"date": "2019-02-06"}, 422, "text"),
        ({"text": FOREST, "colour": "red"}, 422, "colour"),
        ({"text": 12}, 422, "text"),
    ],
)
def test_api_errors_are_one_clear_sentence(
    client: TestClient, payload: dict[str, object], status: int, words: str
) -> None:
    response = client.post("/api/check", json=payload)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["status"] == status
    assert words in error["message"]


def test_api_refuses_malformed_json(client: TestClient) -> None:
    response = client.post("/api/check", content=b'{"text": "unterminated',
                           headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert "Invalid request" in response.json()["error"]["message"]


def test_api_refuses_a_body_over_the_limit_without_parsing_it(client: TestClient) -> None:
    big = json.dumps({"text": "word " * (2 * MB)})  # 10 MB of JSON > 8 MB
    response = client.post("/api/check", content=big.encode(),
                           headers={"content-type": "application/json"})
    assert response.status_code == 413
    message = response.json()["error"]["message"]
    assert "too large" in message and "8 MB" in message
    # The server is still there.
    assert client.get("/healthz").json() == {"status": "ok"}


def test_a_20_mb_pasted_form_gets_the_page_with_the_reason(client: TestClient) -> None:
    response = client.post("/check", data={"text": "x" * (20 * MB), "title": "Big"})
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("text/html")
    assert "Not checked." in response.text
    assert "too large: 20.0 MB, the limit is 8 MB" in response.text
    assert client.post("/check", data={"text": FOREST}).status_code == 200


def test_streamed_body_without_length_is_counted() -> None:
    limits = Limits(max_body_bytes=1000)
    payload = json.dumps({"text": "x" * 5000}).encode()
    with TestClient(create_app(Settings(limits=limits, warm_up=False))) as small:
        # An iterator body is sent chunked, without Content-Length: the count must stop it.
        pieces = iter([payload[i:i + 500] for i in range(0, len(payload), 500)])
        response = small.post("/api/check", content=pieces,
                              headers={"content-type": "application/json"})
        assert response.status_code == 413
        assert "too large" in response.json()["error"]["message"]
        ok = small.post("/api/check", json={"text": "It covers 5 km."})
        assert ok.status_code == 200


def test_text_longer_than_the_character_limit_is_refused() -> None:
    limits = Limits(max_chars=100)
    with TestClient(create_app(Settings(limits=limits, warm_up=False))) as small:
        response = small.post("/api/check", json={"text": FOREST * 3})
        assert response.status_code == 413
        assert "too long" in response.json()["error"]["message"]


def test_a_check_over_the_time_limit_answers_503(monkeypatch: pytest.MonkeyPatch) -> None:
    from numcheck.web import service

    def slow(self: object, docs: Sequence[Document], problems: object = ()) -> object:
        time.sleep(3)
        raise AssertionError("should have been abandoned")

    monkeypatch.setattr(service.Checker, "check", slow)
    limits = Limits(seconds=0.2)
    with TestClient(create_app(Settings(limits=limits, warm_up=False))) as slow_client:
        started = time.monotonic()
        response = slow_client.post("/api/check", json={"text": FOREST})
        assert response.status_code == 503
        assert "longer than 0.2 seconds" in response.json()["error"]["message"]
        assert time.monotonic() - started < 2.5
        page = slow_client.post("/check", data={"text": FOREST})
        assert page.status_code == 503
        assert "longer than 0.2 seconds" in page.text


def test_rules_are_listed_with_their_docs(client: TestClient) -> None:
    from numcheck.rules.loader import load_rules

    rules = client.get("/api/rules").json()["rules"]
    assert [r["code"] for r in rules] == [r.code for r in load_rules()]
    nc101 = next(r for r in rules if r["code"] == "NC101")
    assert nc101["name"] == "conversion.restatement"
    assert nc101["kind"] == "conversion"
    assert nc101["level"] in ("error", "warning", "info")
    assert nc101["enabled"] is True
    assert set(nc101["docs"]) == {"what", "why", "example", "fix"}
    assert nc101["docs"]["what"]


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for response in (client.get("/"), client.get("/static/numcheck.css"),
                     client.post("/api/check", json={}),
                     client.post("/api/check", content=b"x" * (9 * MB))):
        assert response.headers["content-security-policy"] == CSP
        assert response.headers["x-content-type-options"] == "nosniff"
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP


def test_page_has_no_inline_script_style_or_handlers(client: TestClient) -> None:
    page = client.post("/check", data={"text": FOREST + "\n\n" + ATTACK}).text
    assert "<script>" not in page and "<style" not in page
    assert not re.search(r"\son[a-z]+\s*=", page)
    assert not re.search(r"\sstyle\s*=", page)


def test_form_result_marks_quantities_and_findings(client: TestClient) -> None:
    response = client.post("/check", data={"text": FOREST, "title": "Forest",
                                           "date": "2019-02-06"})
    assert response.status_code == 200
    page = response.text
    assert "<h2>Forest</h2>" in page and "2019-02-06" in page
    hits = re.findall(r'<a class="nc-hit nc-error"[^>]*>(.*?)</a>', page)
    texts = [re.sub(r"<[^>]+>", "", h) for h in hits]
    assert "25 square miles" in texts
    assert any(t.startswith("40 square kilometres") for t in texts)
    assert "conversion.restatement" in page
    assert "25 square miles (65 square kilometres)" in page  # the suggestion


def test_article_text_is_escaped_everywhere(client: TestClient) -> None:
    evil = ('<script>alert(1)</script> The forest covers 25 square miles (40 square '
            'kilometres). <img src=x onerror="alert(2)"> "quoted" & more')
    title = '"><script>alert(3)</script>'
    page = client.post("/check", data={"text": evil, "title": title}).text
    assert "<script>alert" not in page
    assert "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in page
    assert "&quot;&gt;&lt;script&gt;alert(3)" in page


def test_upload_docx_and_markdown(client: TestClient) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Forest reserve", 1)
    document.add_paragraph(FOREST)
    data = io.BytesIO()
    document.save(data)
    markdown = b"---\ntitle: Attack\ndate: 2019-02-07\n---\n" + ATTACK.encode()
    files = [("files", ("story.docx", data.getvalue(),
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
             ("files", ("attack.md", markdown, "text/markdown"))]
    page = client.post("/check", files=files).text
    assert "story.docx" in page and "<h2>Attack</h2>" in page
    assert "25 square miles is 64.7" in page
    assert "line 2, column 19" in page  # paragraph 2 of the Word file, column 19
    assert "sum.parts" in page or "NC102" in page


def test_unsupported_upload_is_named(client: TestClient) -> None:
    response = client.post("/check", files=[("files", ("scan.png", b"\x89PNG\r\n", "image/png"))])
    assert response.status_code == 400
    assert "scan.png" in response.text and "cannot check this kind of file" in response.text


def test_unknown_pages_and_methods_answer_in_the_house_style(client: TestClient) -> None:
    page = client.get("/nowhere")
    assert page.status_code == 404 and "There is no such page here." in page.text
    assert "nc-alert" in page.text
    api = client.get("/api/nowhere")
    assert api.status_code == 404
    assert api.json() == {"error": {"status": 404, "message": "There is no such page here."}}
    assert client.get("/api/check").json()["error"]["status"] == 405
    # Reloading a result page (GET /check) goes back to the form.
    again = client.get("/check", follow_redirects=False)
    assert again.status_code == 303 and again.headers["location"] == "./"


def test_malformed_multipart_is_a_clear_400(client: TestClient) -> None:
    response = client.post("/check", content=b"--x\r\nnot a part",
                           headers={"content-type": "multipart/form-data; boundary=x"})
    assert response.status_code == 400
    assert "nc-alert" in response.text


def test_pasted_text_without_a_headline_is_called_pasted_text(client: TestClient) -> None:
    page = client.post("/check", data={"text": FOREST}).text
    assert "<h2>Pasted text</h2>" in page and "&lt;pasted&gt;" not in page
