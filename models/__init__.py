"""The course's theories as numbers: pure functions, no Streamlit, no charts."""
