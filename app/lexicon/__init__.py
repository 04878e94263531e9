"""General linguistic resources, kept as documented data: each list says where its entries come
from and what rule decides membership. Nothing here is about any particular article.
"""
