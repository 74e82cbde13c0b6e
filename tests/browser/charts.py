"""What the browser tests ask of an ECharts chart."""

from __future__ import annotations

# the canvas under ``selector`` holds opaque pixels in more than three colours
DRAWN = """selector => {
    const c = document.querySelector(selector + ' canvas');
    if (!c || !c.width || !c.height) return false;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 3; i < d.length; i += 4 * 16) {
        if (d[i] > 0) seen.add(d[i - 3] + ',' + d[i - 2] + ',' + d[i - 1]);
        if (seen.size > 3) return true;
    }
    return false;
}"""


def wait_drawn(page, selector: str, width: int = 300, height: int = 200) -> None:
    """The ECharts chart in ``selector`` is at least ``width`` × ``height`` and drew something
    (so the page's requests are done: pages without a chart have none after their load)."""
    canvas = page.locator(f"{selector} canvas").first
    canvas.wait_for(state="visible")
    box = canvas.bounding_box()
    assert box["width"] > width and box["height"] > height, box
    page.wait_for_function(DRAWN, arg=selector)
