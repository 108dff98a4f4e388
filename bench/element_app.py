"""Forty elements of one kind (`?kind=…`), for `benchmark.py --part elements`: what each kind of Streamlit
element adds to a page's first render in the browser, measured against the same app with none."""
import streamlit as st

TEXT = "服务质量是顾客对服务的感知与期望之间的差距，**容忍区域**位于适当服务与理想服务之间。"
COUNT = 40
DRAW = {
    "caption": lambda i: st.caption(TEXT),
    "markdown": lambda i: st.markdown(TEXT),
    "subheader": lambda i: st.subheader(TEXT[:10]),
    "html": lambda i: st.html(f"<p>{TEXT}</p>"),
    "metric": lambda i: st.metric(f"m{i}", 5.2, 0.3),
    "expander": lambda i: st.expander(f"e{i}").markdown(TEXT),
    "page_link": lambda i: st.page_link("element_app.py", label=f"link {i}"),
    "slider": lambda i: st.slider(f"s{i}", 0, 10, 5),
    "number_input": lambda i: st.number_input(f"n{i}", 0, 10, 5),
    "selectbox": lambda i: st.selectbox(f"sel{i}", ["a", "b"]),
    "radio": lambda i: st.radio(f"r{i}", ["a", "b"], horizontal=True),
    "segmented_control": lambda i: st.segmented_control(f"seg{i}", ["a", "b"]),
}

if __name__ == "__main__":      # as `streamlit run` runs it; benchmark.py imports the kinds
    kind = st.query_params.get("kind", "none")
    if kind == "one_html":     # the forty paragraphs of "html" as one block
        st.html("".join(f"<p>{TEXT}</p>" for _ in range(COUNT)))
    elif kind in DRAW:
        for i in range(COUNT):
            DRAW[kind](i)
