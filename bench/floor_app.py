"""The floor: a one-slider Streamlit app, served with the same settings as the site."""
import streamlit as st

value = st.slider("感知服务", 1.0, 9.0, 5.0, 0.1)
st.write(value)
