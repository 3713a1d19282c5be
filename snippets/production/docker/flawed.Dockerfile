FROM python:3.11
WORKDIR /app
COPY . .
RUN pip install -r requirements.txt
CMD ["python", "server.py"]

# /// verify
# check = "hadolint"
# expect_rules = ["DL3042"]
# ///
