"""Browser test: the app in Debian's chromium, as a planner opens it; screenshots kept in tests/artefak/."""
from conftest import ARTEFAK, tunggu_app


def test_buka_ringkasan(server_app, halaman):
    halaman.goto(server_app)
    tunggu_app(halaman)
    assert halaman.get_by_text("Dasbor LKjIP").first.is_visible()
    assert halaman.locator("[data-testid='stException']").count() == 0
    assert halaman.locator("[data-testid='stMetricValue']").first.inner_text() == "3"
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    halaman.screenshot(path=str(ARTEFAK / "ringkasan.png"), full_page=True)
