"""A tiny text feature model for TextFeatureModelTest: a WordPiece vocabulary (vocab.txt, BERT's
format: [PAD] [UNK] [CLS] [SEP], words and ##pieces), and a seeded model (embedding 24 x 5, mean over
the tokens the attention mask keeps, linear 5 -> 4) traced to TorchScript and exported to ONNX with
inputs input_ids and attention_mask (int64, batch x length). The expected features of a few texts
are computed from token ids written out by hand here, following BERT's uncased WordPiece rules, so
the Java tokenizer is checked too."""
import json
import os

import torch

here = os.path.dirname(os.path.abspath(__file__))
vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "cat", "dog", "ham", "##mer", "saw", "the", "red", "##dish", "house",
         "a", "##s", ",", "!", "bird", "fly", "##ing", "apple", "tree", "on", "in"]
with open(os.path.join(here, "vocab.txt"), "w") as f:
    f.write("\n".join(vocab) + "\n")
index = {w: i for i, w in enumerate(vocab)}


class Tiny(torch.nn.Module):
    def __init__(self):
        super().__init__()
        torch.manual_seed(11)
        self.embed = torch.nn.Embedding(len(vocab), 5)
        self.out = torch.nn.Linear(5, 4)

    def forward(self, input_ids, attention_mask):
        e = self.embed(input_ids) * attention_mask.unsqueeze(-1).float()
        pooled = e.sum(1) / attention_mask.sum(1, keepdim=True).float()
        return self.out(pooled)


model = Tiny().eval()
texts = {"hammer": ["[CLS]", "ham", "##mer", "[SEP]"],
         "The reddish Birds!": ["[CLS]", "the", "red", "##dish", "bird", "##s", "!", "[SEP]"],
         "flying zebra": ["[CLS]", "fly", "##ing", "[UNK]", "[SEP]"]}
length = 8
ids = torch.zeros(len(texts), length, dtype=torch.long)
mask = torch.zeros(len(texts), length, dtype=torch.long)
for row, tokens in enumerate(texts.values()):
    for col, token in enumerate(tokens):
        ids[row, col] = index[token]
        mask[row, col] = 1
traced = torch.jit.trace(model, (ids, mask))
traced.save(os.path.join(here, "tiny_text.pt"))
torch.onnx.export(traced, (ids, mask), os.path.join(here, "tiny_text.onnx"), input_names=["input_ids", "attention_mask"],
                  output_names=["features"], dynamic_axes={"input_ids": {0: "n", 1: "t"}, "attention_mask": {0: "n", 1: "t"},
                                                           "features": {0: "n"}}, opset_version=13)
with torch.no_grad():
    features = traced(ids, mask).numpy()
with open(os.path.join(here, "expected.json"), "w") as f:
    json.dump({"tokens": texts, "features": {t: features[i].tolist() for i, t in enumerate(texts)}}, f)
