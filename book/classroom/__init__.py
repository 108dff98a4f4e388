"""The live class (课堂): students answer on their phones and the class's answers drive a chapter's
models on the projector. store.py keeps activities and answers in SQL; config.py says where."""
